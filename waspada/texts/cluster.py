"""Texts of a national deployment on PostgreSQL (waspada.pg): configuration and migration."""

TEXT = {
    "config_database_url_bad": {
        "id": "{file}: [database] url harus diawali postgresql://",
        "en": "{file}: [database] url must start with postgresql://",
    },
}
