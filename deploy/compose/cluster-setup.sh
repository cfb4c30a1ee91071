#!/bin/sh
# Join couch1..3 into one cluster (https://docs.couchdb.org/en/stable/setup/cluster.html), from inside
# the compose network. Bounded: at most 60 tries for the nodes to answer.
set -eu
A="$COUCHDB_USER:$COUCHDB_PASSWORD"
post() { curl -fsS -u "$A" -H 'Content-Type: application/json' -X POST "http://couch1.tern:5984/_cluster_setup" -d "$1"; echo; }
for n in couch1 couch2 couch3; do
  i=0
  until curl -fsS "http://$n.tern:5984/_up" >/dev/null 2>&1; do
    i=$((i + 1)); [ "$i" -ge 60 ] && { echo "$n does not answer"; exit 1; }; sleep 2
  done
done
for n in couch2 couch3; do
  post "{\"action\":\"enable_cluster\",\"bind_address\":\"0.0.0.0\",\"username\":\"$COUCHDB_USER\",\"password\":\"$COUCHDB_PASSWORD\",\"port\":5984,\"node_count\":\"3\",\"remote_node\":\"$n.tern\",\"remote_current_user\":\"$COUCHDB_USER\",\"remote_current_password\":\"$COUCHDB_PASSWORD\"}"
  post "{\"action\":\"add_node\",\"host\":\"$n.tern\",\"port\":5984,\"username\":\"$COUCHDB_USER\",\"password\":\"$COUCHDB_PASSWORD\"}"
done
post '{"action":"finish_cluster"}' || echo "finish_cluster refused: already a cluster?"
curl -fsS -u "$A" "http://couch1.tern:5984/_membership"
