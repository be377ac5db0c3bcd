// SPDX-License-Identifier: MIT
// The source of the test programs' shared precompiled header (tests/CMakeLists.txt); the header
// itself is GoogleTest's, so this file has nothing of its own.
