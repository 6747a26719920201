// Every pair of the given papers scored as related_papers scores a paper's related papers, with what they share.
// param keys: list -- paper keys
// Score: each shared entity or repo adds its type weight (model 2, dataset 1.5, method 1, repo 3)
// divided by ln(1 + the number of papers linked to it); a citation either way adds 4.
CALL {
  MATCH (p:Paper) WHERE p.key IN $keys RETURN p
}
CALL {
  WITH p
  MATCH (p)-[:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS|HAS_REPO]->(x)<-[:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS|HAS_REPO]-(other:Paper)
  WHERE other.key IN $keys AND p.key < other.key
  WITH other, x, COUNT { (x)<-[:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS|HAS_REPO]-(:Paper) } AS popularity
  WITH other, x, CASE WHEN x:Model THEN 2.0 WHEN x:Dataset THEN 1.5 WHEN x:Repo THEN 3.0 ELSE 1.0 END / log(1 + popularity) AS weight
  RETURN other, weight, coalesce(x.name, x.url) AS shared
  UNION ALL
  WITH p
  MATCH (p)-[:CITES]-(other:Paper)
  WHERE other.key IN $keys AND p.key < other.key
  RETURN DISTINCT other, 4.0 AS weight, 'citation' AS shared
}
WITH p, other, weight, shared ORDER BY shared
WITH p, other, sum(weight) AS score, collect(shared) AS shared
RETURN p.key AS source, other.key AS target, round(score, 4) AS score, shared
ORDER BY source, target
