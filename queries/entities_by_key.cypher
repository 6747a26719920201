// Entities with any of the given keys (the fast path of name lookup: keys are normalised names).
// param keys: list -- entity keys such as model:llama2
MATCH (e)
WHERE (e:Model OR e:Dataset OR e:Method) AND e.key IN $keys
OPTIONAL MATCH (p:Paper)-[r]->(e)
WITH e, count(DISTINCT p) AS papers
RETURN e.key AS key, e.name AS name, e.type AS type, coalesce(e.aliases, []) AS aliases, e.family AS family, papers
ORDER BY papers DESC, key
