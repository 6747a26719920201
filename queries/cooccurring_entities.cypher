// The entities that most often appear in the same papers as a given entity.
// param key: str -- the entity key
// param limit: int -- at most this many rows
MATCH (e {key: $key})<-[:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS]-(p:Paper)
      -[:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS]->(other)
WHERE other <> e
RETURN other.key AS key, other.name AS name, other.type AS type, count(DISTINCT p) AS papers
ORDER BY papers DESC, key
LIMIT $limit
