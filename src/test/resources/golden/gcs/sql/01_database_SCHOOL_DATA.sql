-- autosync: DATABASE SCHOOL_DATA
-- template: pipeline/database.sql.mustache
-- checksum: sha256:5c8b6a70841a5ae7e8c0e498e14e9cd544f7e6eb3a92e4596a95283b959d6024

CREATE DATABASE IF NOT EXISTS SCHOOL_DATA
  COMMENT = 'autosync: school data pipeline';
