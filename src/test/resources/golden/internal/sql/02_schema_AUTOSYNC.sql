-- autosync: SCHEMA SCHOOL_DATA.AUTOSYNC
-- template: pipeline/schema.sql.mustache
-- checksum: sha256:07ec038aa3ce967bcb19517045143519307cb1175ce8cdeda0e40be54e46e49d

CREATE SCHEMA IF NOT EXISTS SCHOOL_DATA.AUTOSYNC
  COMMENT = 'autosync: landing, normalised and monitoring objects';
