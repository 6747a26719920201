// Papers linked to a paper through shared models, datasets, methods, repos and citations, ranked.
// Score: each shared entity adds its type weight (model 2, dataset 1.5, method 1, repo 3) divided
// by ln(1 + the number of papers linked to it), so rare shared things count more than ubiquitous
// ones; a citation either way adds 4.
// param key: str -- the paper key
// param limit: int -- at most this many rows
MATCH (p:Paper {key: $key})
CALL {
  WITH p
  MATCH (p)-[:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS|HAS_REPO]->(x)<-[:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS|HAS_REPO]-(other:Paper)
  WHERE other <> p
  WITH other, x, COUNT { (x)<-[:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS|HAS_REPO]-(:Paper) } AS popularity
  WITH other, x, CASE WHEN x:Model THEN 2.0 WHEN x:Dataset THEN 1.5 WHEN x:Repo THEN 3.0 ELSE 1.0 END / log(1 + popularity) AS weight
  RETURN other, weight, coalesce(x.name, x.url) AS shared
  UNION ALL
  WITH p
  MATCH (p)-[:CITES]-(other:Paper)
  WHERE other <> p
  RETURN DISTINCT other, 4.0 AS weight, 'citation' AS shared
}
WITH other, weight, shared ORDER BY shared
WITH other, sum(weight) AS score, collect(shared) AS shared
RETURN other.key AS key, other.title AS title, round(score, 4) AS score, shared
ORDER BY score DESC, key
LIMIT $limit
