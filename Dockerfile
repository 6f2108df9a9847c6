# The healthkg API, built for docker-compose.yml (HEALTHKG_GRAPH_URL points it at Neo4j).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HEALTHKG_DATA_DIR=/app/var

WORKDIR /app

# .dockerignore keeps the build context to pyproject.toml and the packages (cypher/ and web/ too);
# the wheel carries them all, so the sources are removed once installed.
COPY . /tmp/healthkg
RUN pip install /tmp/healthkg \
    && rm -rf /tmp/healthkg \
    && useradd --system --home-dir /app --shell /usr/sbin/nologin healthkg \
    && mkdir -p /app/var /app/data \
    && chown healthkg /app/var

USER healthkg
EXPOSE 8000

CMD ["healthkg", "serve", "--host", "0.0.0.0", "--port", "8000"]
