// Papers that cite a paper: explicit citations (the source that states them) and inferred ones
// (through which entity, with the citing paper's evidence sentence), explicit first.
// param key: str -- the cited paper's key
// param limit: int -- at most this many rows
MATCH (q:Paper)-[r:CITES]->(:Paper {key: $key})
RETURN q.key AS key, coalesce(q.title, '') AS title, coalesce(q.stub, false) AS stub, r.source AS source,
       coalesce(r.inferred, false) AS inferred, r.via AS via, r.evidence AS evidence, r.confidence AS confidence
ORDER BY source IS NULL, toLower(title), key
LIMIT $limit
