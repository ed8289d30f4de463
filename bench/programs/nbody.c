/* nbody.c - Planetary n-body simulation (symplectic Euler), double math. */
#include "common.h"
#include <math.h>

#define NB 5
typedef struct { double x, y, z, vx, vy, vz, m; } Body;

static const double Pi = 3.141592653589793;
static const double DaysPerYear = 365.24;

static double energy(const Body *b) {
  double e = 0.0;
  for (int i = 0; i < NB; ++i) {
    e += 0.5 * b[i].m * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
    for (int j = i + 1; j < NB; ++j) {
      double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
      e -= b[i].m * b[j].m / sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

static void advance(Body *b, double dt) {
  for (int i = 0; i < NB; ++i)
    for (int j = i + 1; j < NB; ++j) {
      double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
      double d2 = dx * dx + dy * dy + dz * dz;
      double mag = dt / (d2 * sqrt(d2));
      b[i].vx -= dx * b[j].m * mag; b[i].vy -= dy * b[j].m * mag; b[i].vz -= dz * b[j].m * mag;
      b[j].vx += dx * b[i].m * mag; b[j].vy += dy * b[i].m * mag; b[j].vz += dz * b[i].m * mag;
    }
  for (int i = 0; i < NB; ++i) {
    b[i].x += dt * b[i].vx; b[i].y += dt * b[i].vy; b[i].z += dt * b[i].vz;
  }
}

int main(int argc, char **argv) {
  long steps = bench_size(argc, argv, 3000000);
  const double SolarMass = 4 * Pi * Pi;
  /* A sun and four outer planets (orbital elements rounded). */
  Body b[NB] = {
      {0, 0, 0, 0, 0, 0, SolarMass},
      {4.841, -1.160, -0.1036, 0.001660 * DaysPerYear, 0.007699 * DaysPerYear,
       -0.0000690 * DaysPerYear, 0.000954 * SolarMass},
      {8.343, 4.125, -0.4035, -0.002767 * DaysPerYear, 0.004998 * DaysPerYear,
       0.0000230 * DaysPerYear, 0.000286 * SolarMass},
      {12.894, -15.111, -0.2233, 0.002964 * DaysPerYear, 0.002378 * DaysPerYear,
       -0.0000296 * DaysPerYear, 0.0000437 * SolarMass},
      {15.380, -25.919, 0.1792, 0.002680 * DaysPerYear, 0.001628 * DaysPerYear,
       -0.0000951 * DaysPerYear, 0.0000515 * SolarMass}};
  double px = 0, py = 0, pz = 0;
  for (int i = 0; i < NB; ++i) {
    px += b[i].vx * b[i].m; py += b[i].vy * b[i].m; pz += b[i].vz * b[i].m;
  }
  b[0].vx = -px / SolarMass; b[0].vy = -py / SolarMass; b[0].vz = -pz / SolarMass;
  double e0 = energy(b);
  for (long s = 0; s < steps; ++s)
    advance(b, 0.01);
  double e1 = energy(b);
  printf("energy %.9f -> %.9f\n", e0, e1);
  bench_checksum("nbody", bench_fnv(BENCH_FNV_INIT, b, sizeof b));
  return 0;
}
