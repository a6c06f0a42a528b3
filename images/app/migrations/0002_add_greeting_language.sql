ALTER TABLE greetings ADD COLUMN language text NOT NULL DEFAULT 'en';
INSERT INTO greetings (message, language) VALUES
  ('Bonjour de Tugboat', 'fr'),
  ('Hallo von Tugboat', 'de');
