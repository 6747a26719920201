// The authors who wrote the most papers of the graph.
// param limit: int -- at most this many rows
MATCH (a:Author)-[:WROTE]->(p:Paper)
RETURN a.key AS key, a.name AS name, count(DISTINCT p) AS papers
ORDER BY papers DESC, key
LIMIT $limit
