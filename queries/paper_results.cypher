// The results one paper reports, in the order its abstract gives them.
// param key: str -- the paper key
MATCH (p:Paper {key: $key})-[:REPORTS]->(r:Result)-[:MEASURED_ON]->(d:Dataset)
OPTIONAL MATCH (r)-[:SCORED_BY]->(s)
RETURN r.key AS result, r.subject AS subject, s.key AS subject_key, r.own AS own, r.dataset AS dataset,
       d.key AS dataset_key, r.metric AS metric, r.value AS value, r.unit AS unit, r.setting AS setting,
       r.evidence AS evidence, r.rule AS rule
ORDER BY r.start, result
