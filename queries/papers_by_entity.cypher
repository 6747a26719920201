// Papers linked to any of the given entities, with the role and the evidence sentence.
// param keys: list -- entity keys
// param roles: list -- roles to keep (introduces, uses, evaluates_on, compares, mentions); empty for all
// param limit: int -- at most this many rows
CALL {
  MATCH (e:Model) WHERE e.key IN $keys RETURN e
  UNION
  MATCH (e:Dataset) WHERE e.key IN $keys RETURN e
  UNION
  MATCH (e:Method) WHERE e.key IN $keys RETURN e
}
MATCH (p:Paper)-[r:INTRODUCES|USES|EVALUATES_ON|COMPARES|MENTIONS]->(e)
WHERE size($roles) = 0 OR toLower(type(r)) IN $roles
RETURN p.key AS paper, p.title AS title, e.key AS entity, e.name AS name, toLower(type(r)) AS role,
       r.evidence AS evidence, r.confidence AS confidence
ORDER BY toLower(title), paper, entity, role
LIMIT $limit
