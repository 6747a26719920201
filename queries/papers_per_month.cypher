// How many papers (stubs left out) came out each month; month '' counts papers with no known date.
MATCH (p:Paper)
WHERE coalesce(p.stub, false) = false
RETURN coalesce(p.month, '') AS month, count(p) AS papers
ORDER BY month
