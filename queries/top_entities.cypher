// The entities of one type linked to the most papers.
// param type: str -- model, dataset or method
// param limit: int -- at most this many rows
MATCH (p:Paper)-[:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS]->(e)
WHERE e.type = $type
RETURN e.key AS key, e.name AS name, count(DISTINCT p) AS papers
ORDER BY papers DESC, key
LIMIT $limit
