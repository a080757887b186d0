# kkb-gateway built from the repository.
FROM debian:bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential pkg-config libpq-dev libmicrohttpd-dev libjansson-dev libssl-dev libxlsxwriter-dev libqrencode-dev \
 && rm -rf /var/lib/apt/lists/*
COPY gateway /src/gateway
# --version is the extension's default_version, read from its control file at build time
COPY extension/kampungkb.control /src/extension/kampungkb.control
RUN make -C /src/gateway PG_CONFIG=/usr/bin/pg_config

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 libmicrohttpd12 libjansson4 libssl3 libxlsxwriter4 libqrencode4 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/gateway/kkb-gateway /usr/local/bin/kkb-gateway
USER nobody
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/kkb-gateway", "--listen", "0.0.0.0", "--port", "8080"]
