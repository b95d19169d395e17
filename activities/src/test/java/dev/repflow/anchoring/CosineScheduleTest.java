package dev.repflow.anchoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CosineScheduleTest {
  @Test
  void decaysFromTheBaseRateToZero() {
    CosineSchedule s = new CosineSchedule(0.1, 100);
    assertEquals(0.1, s.at(0), 1e-12);
    assertEquals(0.05, s.at(50), 1e-12);
    assertEquals(0.1 * 0.5 * (1 + Math.cos(Math.PI * 0.25)), s.at(25), 1e-12);
    assertEquals(0.0, s.at(100), 1e-12);
    assertEquals(0.0, s.at(150), 1e-12);
  }
}
