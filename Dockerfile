# One image for every role: `moderation api`, `moderation worker`, or `moderation serve` (dev).
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY moderation ./moderation
RUN pip install --no-cache-dir --prefix=/install .

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 moderation
COPY --from=build /install /usr/local
USER 10001
WORKDIR /home/moderation
ENV MODERATION_DATA_DIR=/home/moderation/data \
    PYTHONUNBUFFERED=1
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=2s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"]
# Production sets MODERATION_REDIS_URL and runs `api` and `worker` as separate Deployments.
CMD ["moderation", "serve", "--host", "0.0.0.0", "--port", "8000"]
