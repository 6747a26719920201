// Pairs among the given entities and authors that papers link together: used in the same papers (or written, for authors).
// param keys: list -- entity and author keys (model:..., dataset:..., method:..., author:...)
// param min_papers: int -- leave out pairs with fewer papers in common than this
// A paper links an entity through a role relationship and an author through WROTE.
CALL {
  MATCH (a:Model) WHERE a.key IN $keys RETURN a
  UNION
  MATCH (a:Dataset) WHERE a.key IN $keys RETURN a
  UNION
  MATCH (a:Method) WHERE a.key IN $keys RETURN a
  UNION
  MATCH (a:Author) WHERE a.key IN $keys RETURN a
}
MATCH (a)-[:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS|WROTE]-(p:Paper)-[:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS|WROTE]-(b)
WHERE b.key IN $keys AND a.key < b.key
WITH a.key AS source, b.key AS target, count(DISTINCT p) AS papers
WHERE papers >= $min_papers
RETURN source, target, papers
ORDER BY source, target
