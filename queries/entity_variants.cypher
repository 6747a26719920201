// The variants of a model family (Qwen2.5-32B, Qwen2.5-7B-Instruct ... of Qwen2.5), with their paper counts.
// param key: str -- the family's key
MATCH (v)-[:VARIANT_OF]->(f:Model {key: $key})
OPTIONAL MATCH (p:Paper)-[r]->(v)
WITH v, count(DISTINCT p) AS papers
RETURN v.key AS key, v.name AS name, v.size AS size, v.variant AS variant, papers
ORDER BY key
