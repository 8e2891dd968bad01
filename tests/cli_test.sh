#!/bin/sh
# cli_test.sh — placeholder, replaced below.
exit 0
