#!/usr/bin/env bash
# Times a class-list import against the packaged application on its embedded default:
# preview and apply of a 45-student class and of a 1,500-student school, and the credential sheet.
# Usage: ./mvnw -B -q -DskipTests install && scripts/measure-class-list-import.sh
set -euo pipefail
jar=${LMS_JAR:-web/target/lms.jar}
work=$(mktemp -d)
chmod 755 "$work"   # the embedded Elasticsearch runs as another account when started as root
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
password=do-dac-$RANDOM$RANDOM
LOG_FORMAT= LMS_BOOTSTRAP_ADMIN_PASSWORD=$password java -Xmx512m -jar "$jar" --server.port="$port" \
  --lms.embedded.data-dir="$work/data" --lms.embedded.mongodb.port="$(free_port)" --lms.embedded.storage.port="$(free_port)" \
  --lms.embedded.elasticsearch.port="$(free_port)" --lms.embedded.elasticsearch.transport-port="$(free_port)" >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$work"' EXIT
api=http://127.0.0.1:$port/api/v1
until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do
  kill -0 $app 2>/dev/null || { tail -20 "$work/app.log"; exit 1; }
  sleep 1
done
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
token=$(curl -sf -X POST "$api/auth/tokens" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\",\"name\":\"do-dac\"}" | json "['token']")
call() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
call -X POST "$api/schools" -d '{"id":"th-do-dac","name":"Trường Tiểu học Đo Đạc","level":"PRIMARY"}' >/dev/null
call -X POST "$api/schools/th-do-dac/years" -d '{"startYear":2026}' >/dev/null
for c in 5A 5B 5C 5D 5E 5F 5G 5H 5I 5K 4A; do
  call -X POST "$api/schools/th-do-dac/years/2026/classes" -d "{\"name\":\"$c\"}" >/dev/null
done

# a class list as schools export it: title rows, header, students; identifiers from $3
class_list() {
  python3 - "$1" "$2" "$3" <<'PY'
import random, sys
n, classes, start = int(sys.argv[1]), sys.argv[2].split(","), int(sys.argv[3])
fam = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
mid = ["Văn", "Thị", "Minh", "Ngọc", "Gia", "Thu", "Đức", "Bảo"]
giv = ["An", "Ánh", "Bảo", "Châu", "Dũng", "Đức", "Hà", "Khánh", "Linh", "Minh", "Ngọc", "Quân", "Thảo", "Vy", "Yến"]
out = ["\ufeffTRƯỜNG TIỂU HỌC ĐO ĐẠC", "DANH SÁCH HỌC SINH", "", "STT,Họ và tên,Ngày sinh,Giới tính,Lớp,Mã định danh"]
for i in range(n):
    out.append(f"{i+1},{random.choice(fam)} {random.choice(mid)} {random.choice(giv)},{random.randint(1,28):02d}/"
               f"{random.randint(1,12):02d}/2015,{random.choice(['Nam','Nữ'])},{classes[i % len(classes)]},00121{start+i:07d}")
print("\n".join(out))
PY
}
measure() {
  local label=$1 file=$2
  local t0 t1 t2 id
  t0=$(date +%s.%N)
  id=$(curl -sf -H "Authorization: Bearer $token" -F "file=@$file;type=text/csv" \
    "$api/schools/th-do-dac/years/2026/class-list-imports" | json "['id']")
  t1=$(date +%s.%N)
  state=$(call -X POST "$api/class-list-imports/$id/commit" | json "['state']")
  t2=$(date +%s.%N)
  printf '%-28s preview %6.2f s   apply %6.2f s   (%s)\n' "$label" "$(awk "BEGIN{print $t1-$t0}")" "$(awk "BEGIN{print $t2-$t1}")" "$state"
}
class_list 45 4A 1000000 >"$work/lop-4a.csv"
class_list 1500 5A,5B,5C,5D,5E,5F,5G,5H,5I,5K 2000000 >"$work/truong.csv"
measure "class 4A, 45 students" "$work/lop-4a.csv"
measure "school, 1500 students" "$work/truong.csv"
measure "same school list again" "$work/truong.csv"
class4a=$(call "$api/schools/th-do-dac/years/2026/classes" | json "[-1]['id']")
sheet() {
  local t0 t1
  t0=$(date +%s.%N)
  call -X POST "$api/classes/$class4a/credential-sheet?format=$2" -o "$work/sheet.$2"
  t1=$(date +%s.%N)
  printf '%-28s %6.2f s   (%s bytes)\n' "$1" "$(awk "BEGIN{print $t1-$t0}")" "$(stat -c %s "$work/sheet.$2")"
}
sheet "credential sheet 45, PDF" pdf
sheet "again (new passwords), PDF" pdf
sheet "again, XLSX" xlsx
