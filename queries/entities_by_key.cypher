// Entities with any of the given keys (the fast path of name lookup: keys are normalised names).
// param keys: list -- entity keys such as model:llama2
// Each label is searched through its key index (a label-less match would scan every node).
CALL {
  MATCH (e:Model) WHERE e.key IN $keys RETURN e
  UNION
  MATCH (e:Dataset) WHERE e.key IN $keys RETURN e
  UNION
  MATCH (e:Method) WHERE e.key IN $keys RETURN e
}
OPTIONAL MATCH (p:Paper)-[r]->(e)
WITH e, count(DISTINCT p) AS papers
RETURN e.key AS key, e.name AS name, e.type AS type, coalesce(e.aliases, []) AS aliases, e.family AS family, papers
ORDER BY papers DESC, key
