#!/bin/sh
# Order-processing policy pack: executable for `pulumi preview --policy-pack <this file>` (CLI >= 3.255).
# The rest of this file is the pack's fat jar; the JVM reads the zip from its end, past this script.
# Extra JVM options may be given in POLICY_PACK_JAVA_OPTS; engine flags in "$@" are ignored by the pack.
# -XX:TieredStopAtLevel=1 and SerialGC trade peak speed for a fast start (the pack lives one operation).
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \
  $POLICY_PACK_JAVA_OPTS -cp "$0" policy.server.AnalyzerMain "$@"
