-- Custom field definitions, document-wide, as JSON in meta (like the saved sheet views). Every
-- free-form custom value a file holds from before becomes a text field; a key a definition
-- could not carry (spaces around it, too long) stays an undefined key, read as text.
INSERT INTO meta (key, value)
SELECT 'fields', json_object('fields', json_group_array(json_object(
    'name', key, 'kind', 'text', 'choices', json('[]'), 'on_cards', json('false'))))
FROM (
    SELECT DISTINCT j.key AS key FROM person AS p, json_each(p.custom) AS j
    WHERE trim(j.key) = j.key AND length(j.key) BETWEEN 1 AND 100
    ORDER BY j.key LIMIT 200
)
HAVING count(*) > 0;
