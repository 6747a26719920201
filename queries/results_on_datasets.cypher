// Results reported on any of the given datasets: subject, value, metric, setting, the paper and its sentence.
// param keys: list -- dataset keys
// param metric: str -- only this metric (kg.model.metric_key of its name); empty for every metric
// param limit: int -- at most this many rows
MATCH (d:Dataset) WHERE d.key IN $keys
MATCH (p:Paper)-[:REPORTS]->(r:Result)-[:MEASURED_ON]->(d)
WHERE $metric = '' OR r.metric_norm = $metric
OPTIONAL MATCH (r)-[:SCORED_BY]->(s)
RETURN r.key AS result, p.key AS paper, p.title AS title, p.month AS month, r.subject AS subject,
       s.key AS subject_key, r.own AS own, d.key AS dataset_key, d.name AS dataset_name, r.dataset AS dataset,
       r.metric AS metric, r.value AS value, r.unit AS unit, r.setting AS setting, r.evidence AS evidence
ORDER BY dataset_key, paper, result
LIMIT $limit
