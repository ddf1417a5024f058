#!/usr/bin/env bash
# One database per subgraph, and one MySQL user per subgraph that may use only its own.
# The MySQL image runs this once, when it initialises an empty data directory (every file in
# /docker-entrypoint-initdb.d); run it again by hand to rotate the passwords, which it reads
# from the Docker secrets db_password_<subgraph>. User and database are both named
# <DATABASE_PREFIX><subgraph>, e.g. meritgraph_expert_review.
#
#   SECRETS_DIR      where the password files are        (default /run/secrets)
#   DATABASE_PREFIX  as the services have it             (default meritgraph_)
#   MYSQL_CLIENT     how to reach the server as root     (default: the init server's socket)
#   MYSQL_ROOT_PASSWORD, or MYSQL_ROOT_PASSWORD_FILE (as the MySQL image takes them)
set -euo pipefail

secrets_dir=${SECRETS_DIR:-/run/secrets}
prefix=${DATABASE_PREFIX:-meritgraph_}
if [[ ! $prefix =~ ^[A-Za-z0-9_]{1,40}$ ]]; then
  echo "DATABASE_PREFIX may hold letters, digits and _ only: $prefix" >&2
  exit 1
fi
read -r -a client <<<"${MYSQL_CLIENT:-mysql --protocol=socket -uroot}"

# A string literal for SQL: backslashes and quotes escaped.
quote() {
  local value=${1//\\/\\\\}
  printf "'%s'" "${value//\'/\\\'}"
}

sql=''
for subgraph in organizations submissions expert_review honors analytics notifier; do
  file="$secrets_dir/db_password_$subgraph"
  if [[ ! -s $file ]]; then
    echo "missing or empty password file $file (the Docker secret db_password_$subgraph)" >&2
    exit 1
  fi
  password=$(<"$file")
  name="$prefix$subgraph"
  sql+="CREATE DATABASE IF NOT EXISTS \`$name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$name'@'%' IDENTIFIED BY $(quote "$password");
ALTER USER '$name'@'%' IDENTIFIED BY $(quote "$password");
GRANT ALL PRIVILEGES ON \`$name\`.* TO '$name'@'%';
"
done

root_password=${MYSQL_ROOT_PASSWORD:-}
if [[ -z $root_password && -n ${MYSQL_ROOT_PASSWORD_FILE:-} ]]; then root_password=$(<"$MYSQL_ROOT_PASSWORD_FILE"); fi
MYSQL_PWD=$root_password "${client[@]}" <<<"$sql"
echo "subgraph databases and users ready: ${prefix}{organizations,submissions,expert_review,honors,analytics}"
