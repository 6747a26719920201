// How many papers each source file contributed (a paper read from several files counts in each).
MATCH (p:Paper)
UNWIND coalesce(p.sources, []) AS source
WITH p, left(source, size(source) - size(last(split(source, ':'))) - 1) AS file
WITH file, count(DISTINCT p) AS papers
RETURN file, papers
ORDER BY file
