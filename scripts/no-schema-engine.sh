#!/bin/sh
echo "Prisma's migration engine is not used in this project: migrations are SQL files applied by 'npm run db:migrate'." >&2
echo "See docs/decisions/0001-database-and-migrations.md." >&2
exit 1
