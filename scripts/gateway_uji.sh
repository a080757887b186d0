# gateway_uji.sh - sourced by scripts/test.sh and scripts/test_citus.sh: the gateway that the
# black-box tests (tests/gateway) run - an AddressSanitizer + UBSan build unless KKB_GATEWAY_BIN
# names another; every stop of it checks its log for reports (tests/gateway/lib.sh).
if [ -z "${KKB_GATEWAY_BIN:-}" ]; then
	echo "test: building the gateway with -fsanitize=address,undefined"
	make -s -C gateway SANITIZE=1 >/dev/null
	KKB_GATEWAY_BIN=$(pwd)/gateway/kkb-gateway-asan
fi
export KKB_GATEWAY_BIN
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
# every gateway the tests start records its answers (rekam.c), and tests/skema checks each recorded
# answer against the API description (GET /openapi.json); KKB_RECORD_RESPONSES= turns it off
KKB_RECORD_RESPONSES=${KKB_RECORD_RESPONSES-$KKB_TEST_DIR/jawaban.rekam}
export KKB_RECORD_RESPONSES
