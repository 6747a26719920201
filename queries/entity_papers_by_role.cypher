// How many papers link to an entity in each role, and the papers that introduce it.
// param key: str -- the entity key
CALL {
  MATCH (e:Model) WHERE e.key = $key RETURN e
  UNION
  MATCH (e:Dataset) WHERE e.key = $key RETURN e
  UNION
  MATCH (e:Method) WHERE e.key = $key RETURN e
}
MATCH (p:Paper)-[r:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS]->(e)
WITH toLower(type(r)) AS role, p ORDER BY p.key
RETURN role, count(p) AS papers, collect(p.key)[0..5] AS examples
ORDER BY role
