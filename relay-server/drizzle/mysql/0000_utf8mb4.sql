-- Tables created after this inherit utf8mb4 (4-byte characters such as emoji) with binary collation,
-- so comparisons and unique keys are exact code-point matches, as they are in SQLite.
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
