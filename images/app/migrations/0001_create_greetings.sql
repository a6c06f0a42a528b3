CREATE TABLE greetings (
  id serial PRIMARY KEY,
  message text NOT NULL
);
INSERT INTO greetings (message) VALUES
  ('Hello from Tugboat'),
  ('This page was served after the database had been migrated');
