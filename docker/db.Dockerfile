# PostgreSQL 15 with the kampungkb extension built and installed.
# Mirrors `make run`'s database: database kampungkb, the extension, the demo
# generator (extension kampungkb_demo, installed alongside) and the demo data.
FROM postgres:15-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential postgresql-server-dev-15 \
 && rm -rf /var/lib/apt/lists/*
COPY extension /src/extension
COPY sql /src/sql
RUN make -C /src/extension PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config \
 && make -C /src/extension PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config install DESTDIR=/out

FROM postgres:15-bookworm
COPY --from=build /out/ /
COPY sql/demo/ /docker-entrypoint-initdb.d/demo/
COPY docker/initdb.sh /docker-entrypoint-initdb.d/10-kampungkb.sh
ENV POSTGRES_DB=kampungkb
