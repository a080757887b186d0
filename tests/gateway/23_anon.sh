#!/bin/sh
# Guessing tokens costs the database nothing once the address's bucket is
# empty (issue 16 item 10): calls without a token and failed tokens share one
# bucket per client address (--limit-anon); when it is empty, the next unknown
# token is answered 429 before it is looked up, so 30 guesses cost at most the
# bucket's few lookups (kkb_token_lookups_total in /metrics).  A token this
# worker verified recently still goes through from the same address.
. "$(dirname "$0")/lib.sh"

PORT=18723
A=13.77.01.1001
TD=$(token kkb_admin "" "Admin (uji 23)")
# (a bucket that refills slowly - one every 20 s - so that a loaded machine's slower requests do not
# refill it between the guesses and the checks below)
gw_start $PORT --threads 1 --limit-anon 0.05/5
ok $? "gateway started with one worker and a per-address bucket of 5 (one more every 20 s)"

lookups() { curl -s "http://127.0.0.1:$GW_PORT/metrics" | sed -n 's/^kkb_token_lookups_total //p'; }

# the admin's token is verified (and cached) first
is "$(status_of "$(api GET /v1/saya "$TD")")" 200 "a valid token answers 200 (and is now cached)"
L0=$(lookups)
codes=""
i=0
while [ $i -lt 30 ]; do
	codes="$codes $(status_of "$(api GET /v1/saya "kkb_tebakan_$i$(date +%N)")")"
	i=$((i + 1))
done
L1=$(lookups)
n401=$(printf '%s\n' $codes | grep -c '^401$')
n429=$(printf '%s\n' $codes | grep -c '^429$')
ok "$( [ "$n401" -ge 1 ] && [ "$n401" -le 8 ]; echo $?)" "30 guessed tokens: the first few are looked up and refused 401 ($n401)"
ok "$( [ "$n429" -ge 22 ]; echo $?)" "  the rest get 429 ($n429)"
ok "$( [ $((L1 - L0)) -le 8 ]; echo $?)" "  and at most 8 of the 30 asked the database ($((L1 - L0)) lookups)"
is "$((L1 - L0))" "$n401" "  exactly the ones answered 401"
r=$(api GET /v1/saya "kkb_tebakan_lagi")
is_error "$r" 429 KKB-TERLALU-SERING "another guess while the bucket is empty"
is "$(lookups)" "$L1" "  costs no lookup"
is "$(status_of "$(api GET /v1/saya "$TD")")" 200 "the cached valid token still goes through from that address"

gw_stop
done_testing
