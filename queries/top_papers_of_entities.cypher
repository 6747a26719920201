// The most cited papers (then most upvoted) linked to each of the given entities, overall or per role.
// param keys: list -- entity keys
// param by_role: bool -- true: the top papers of each role; false: of each entity whatever the role
// param per_group: int -- at most this many papers per entity (or per entity and role)
CALL {
  MATCH (e:Model) WHERE e.key IN $keys RETURN e
  UNION
  MATCH (e:Dataset) WHERE e.key IN $keys RETURN e
  UNION
  MATCH (e:Method) WHERE e.key IN $keys RETURN e
}
MATCH (p:Paper)-[r:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS]->(e)
WITH e, p, toLower(type(r)) AS role, COUNT { (:Paper)-[:CITES]->(p) } AS cited_by, coalesce(p.upvotes, 0) AS upvotes
ORDER BY cited_by DESC, upvotes DESC, p.key
WITH e.key AS entity, CASE WHEN $by_role THEN role ELSE '' END AS grp,
     collect({paper: p.key, title: p.title, role: role, cited_by: cited_by, upvotes: upvotes}) AS papers
UNWIND papers[0..$per_group] AS row
RETURN entity, row.role AS role, row.paper AS paper, row.title AS title, row.cited_by AS cited_by, row.upvotes AS upvotes
ORDER BY entity, grp, cited_by DESC, upvotes DESC, paper
