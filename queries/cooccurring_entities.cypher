// The entities that most often appear in the same papers as a given entity.
// param key: str -- the entity key
// param limit: int -- at most this many rows
CALL {
  MATCH (e:Model) WHERE e.key = $key RETURN e
  UNION
  MATCH (e:Dataset) WHERE e.key = $key RETURN e
  UNION
  MATCH (e:Method) WHERE e.key = $key RETURN e
}
MATCH (e)<-[:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS]-(p:Paper)
      -[:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS]->(other)
WHERE other <> e
RETURN other.key AS key, other.name AS name, other.type AS type, count(DISTINCT p) AS papers
ORDER BY papers DESC, key
LIMIT $limit
