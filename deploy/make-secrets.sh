#!/usr/bin/env bash
# Makes the secrets docker-compose.yml reads, each a random 43-character string, in
# ${SECRETS_DIR:-deploy/secrets}. Existing files are kept, so running it again changes
# nothing; delete a file to make a new one (a new MySQL password then also needs
# deploy/mysql/10-subgraph-users.sh run against the server, which sets it).
#
# The folder is readable by its owner only. The files in it are readable by all, because
# compose mounts each into the containers as it is, and the services run as users of their
# own (node, mysql).
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${SECRETS_DIR:-deploy/secrets}
mkdir -p "$dir"
chmod 700 "$dir"
for name in mysql_root_password db_password_organizations db_password_submissions db_password_expert_review db_password_honors \
  db_password_analytics db_password_notifier jwt_secret internal_token_secret files_signing_key; do
  file="$dir/$name"
  if [[ -s $file ]]; then
    echo "kept    $file"
    continue
  fi
  head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$file"
  chmod 644 "$file"
  echo "made    $file"
done
