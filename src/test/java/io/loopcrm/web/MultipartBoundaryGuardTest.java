package io.loopcrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MultipartBoundaryGuardTest {
  @Test
  void aMultipartTypeNeedsABoundaryTheParserCanRead() {
    assertThat(MultipartBoundaryGuard.readable("application/x-www-form-urlencoded")).isTrue();
    assertThat(MultipartBoundaryGuard.readable("text/csv")).isTrue();
    assertThat(
            MultipartBoundaryGuard.readable(
                "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW"))
        .isTrue();
    assertThat(MultipartBoundaryGuard.readable("multipart/form-data; boundary=\"a b\"")).isTrue();
    assertThat(MultipartBoundaryGuard.readable("Multipart/Form-Data;charset=UTF-8; boundary=XyZ"))
        .isTrue();
    assertThat(MultipartBoundaryGuard.readable("multipart/form-data")).isFalse();
    assertThat(MultipartBoundaryGuard.readable("multipart/form-data; boundary=")).isFalse();
    assertThat(MultipartBoundaryGuard.readable("multipart/form-data; boundary=\"")).isFalse();
    assertThat(MultipartBoundaryGuard.readable("multipart/form-data; boundary=\"open")).isFalse();
    assertThat(MultipartBoundaryGuard.readable("multipart/form-data; boundary=" + "b".repeat(71)))
        .isFalse();
  }
}
