// The most cited papers of the graph: all citations, those a source states, those only inferred.
// param limit: int -- at most this many papers
MATCH (:Paper)-[r:CITES]->(p:Paper)
WITH p, count(r) AS citations, count(r.source) AS explicit
RETURN p.key AS key, coalesce(p.title, '') AS title, citations, explicit, citations - explicit AS inferred_only,
       coalesce(p.stub, false) AS stub
ORDER BY citations DESC, key
LIMIT $limit
