// Every entity's key, name and type (to suggest the closest names when a lookup finds none).
// param type: str -- model, dataset or method; empty for all types
MATCH (e)
WHERE (e:Model OR e:Dataset OR e:Method) AND ($type = '' OR e.type = $type)
RETURN e.key AS key, e.name AS name, e.type AS type
ORDER BY key
