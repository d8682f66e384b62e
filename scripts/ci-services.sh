#!/usr/bin/env bash
# Starts any of this machine kind's loopback services that is not answering (CI runs against the
# services the machine already has; this only restarts one that stopped). Never fails the run by itself:
# tests that need a service fail loudly under UDASH_REQUIRE_SERVICES=1 if it is still missing.
set -u
up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
try() { # name port command...
  local name=$1 port=$2; shift 2
  if up "$port"; then echo "$name: up on $port"; return; fi
  echo "$name: not answering on $port; starting"
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq 1 30); do up "$port" && { echo "$name: started"; return; }; sleep 1; done
  echo "$name: still not answering on $port"
}
command -v pg_ctlcluster >/dev/null && try postgresql 5432 bash -c 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'
command -v redis-server >/dev/null && try redis 6379 redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
command -v mariadbd >/dev/null && try mariadb 3306 start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
command -v rabbitmq-server >/dev/null && try rabbitmq 5672 rabbitmq-server -detached
command -v mosquitto >/dev/null && try mosquitto 1883 mosquitto -d -c /etc/mosquitto/mosquitto.conf
[ -x /usr/sbin/nats-server ] && try nats 4222 start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log
exit 0
