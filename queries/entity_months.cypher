// Papers per publication month linked to each of the given entities (papers with no known month left out).
// param keys: list -- entity keys
CALL {
  MATCH (e:Model) WHERE e.key IN $keys RETURN e
  UNION
  MATCH (e:Dataset) WHERE e.key IN $keys RETURN e
  UNION
  MATCH (e:Method) WHERE e.key IN $keys RETURN e
}
MATCH (p:Paper)-[:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS]->(e)
WHERE p.month IS NOT NULL
RETURN e.key AS key, e.name AS name, p.month AS month, count(DISTINCT p) AS papers
ORDER BY key, month
