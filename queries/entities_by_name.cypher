// Entities whose name or an alias matches a name after normalisation (letters and digits, lower case).
// param norm: str -- the normalised name (kg.model.match_key)
MATCH (e)
WHERE (e:Model OR e:Dataset OR e:Method) AND $norm IN e.names_norm
OPTIONAL MATCH (p:Paper)-[r]->(e)
WITH e, count(DISTINCT p) AS papers
RETURN e.key AS key, e.name AS name, e.type AS type, coalesce(e.aliases, []) AS aliases, e.family AS family, papers
ORDER BY papers DESC, key
