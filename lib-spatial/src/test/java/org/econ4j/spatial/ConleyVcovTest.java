package org.econ4j.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.econ4j.core.SpecificationException;
import org.econ4j.core.inference.InferenceData;
import org.econ4j.core.inference.Sandwich;
import org.econ4j.core.inference.SmallSampleCorrection;
import org.econ4j.core.inference.Vcov;
import org.econ4j.core.linalg.LeastSquares;
import org.econ4j.core.linalg.LeastSquaresFit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConleyVcovTest {

  /** Random panel: units at fixed random points, T periods, y = 1 + x + e. */
  static final class Sim {
    final int n;
    final double[] lat;
    final double[] lon;
    final int[] unit;
    final int[] time;
    final double[][] x;
    final double[] y;

    Sim(long seed, int units, int periods) {
      Random r = new Random(seed);
      n = units * periods;
      lat = new double[n];
      lon = new double[n];
      unit = new int[n];
      time = new int[n];
      double[] one = new double[n];
      double[] x1 = new double[n];
      y = new double[n];
      double[] ula = new double[units];
      double[] ulo = new double[units];
      for (int u = 0; u < units; u++) {
        ula[u] = 40 + 4 * r.nextDouble();
        ulo[u] = -5 + 6 * r.nextDouble();
      }
      int i = 0;
      for (int u = 0; u < units; u++) {
        for (int t = 0; t < periods; t++) {
          lat[i] = ula[u];
          lon[i] = ulo[u];
          unit[i] = u;
          time[i] = 2000 + t;
          one[i] = 1;
          x1[i] = Math.sin(ula[u]) + r.nextGaussian();
          y[i] = 1 + x1[i] + Math.cos(ulo[u]) + r.nextGaussian();
          i++;
        }
      }
      x = new double[][] {one, x1};
    }

    InferenceData.Builder builder() {
      LeastSquaresFit ls = LeastSquares.defaults().fit(x, y);
      return InferenceData.forLeastSquares(ls, x).column("lat", lat).column("lon", lon);
    }
  }

  /** Dense O(n²) meat for comparison. */
  static double[][] denseMeat(Sim s, double[][] sc, ConleyVcov v, boolean panel) {
    int k = sc.length;
    double[][] m = new double[k][k];
    for (int i = 0; i < s.n; i++) {
      for (int j = 0; j < s.n; j++) {
        double w = 0;
        boolean samePeriod = !panel || s.time[i] == s.time[j];
        if (samePeriod) {
          double d =
              v.distance() == ConleyVcov.Distance.GREAT_CIRCLE
                  ? 2
                      * v.earthRadiusKm()
                      * Math.asin(
                          Math.sqrt(
                              Math.pow(Math.sin(Math.toRadians(s.lat[j] - s.lat[i]) / 2), 2)
                                  + Math.cos(Math.toRadians(s.lat[i]))
                                      * Math.cos(Math.toRadians(s.lat[j]))
                                      * Math.pow(
                                          Math.sin(Math.toRadians(s.lon[j] - s.lon[i]) / 2), 2)))
                  : 111
                      * Math.hypot(
                          s.lat[j] - s.lat[i],
                          Math.cos(Math.toRadians((s.lat[i] + s.lat[j]) / 2))
                              * (s.lon[j] - s.lon[i]));
          if (d <= v.cutoffKm()) {
            w = v.kernel() == ConleyVcov.Kernel.BARTLETT ? 1 - d / v.cutoffKm() : 1;
          }
        } else if (s.unit[i] == s.unit[j]) {
          int lag = Math.abs(s.time[i] - s.time[j]);
          if (lag <= v.serialLag()) {
            w = 1 - lag / (v.serialLag() + 1.0);
          }
        }
        if (w != 0) {
          for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
              m[a][b] += w * sc[a][i] * sc[b][j];
            }
          }
        }
      }
    }
    return m;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "conley:lat,lon,80",
        "conley:lat,lon,150,bartlett",
        "conley:lat,lon,120,triangular",
        "conley:lat,lon,200,bartlett,triangular,lag=2",
        "conley:lat,lon,100,lag=0",
        "conley:lat,lon,100,lag=3,radius=6371.0088"
      })
  void meatEqualsDenseComputation(String spec) {
    Sim s = new Sim(7, 60, 4);
    ConleyVcov v = ConleyVcov.parse(spec);
    double[][] sc = s.builder().build().scores();
    boolean panel = v.serialLag() >= 0;
    double[][] sparse = v.meat(s.lat, s.lon, sc, panel ? s.time : null, panel ? s.unit : null);
    double[][] dense = denseMeat(s, sc, v, panel);
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 2; b++) {
        assertThat(sparse[a][b])
            .isCloseTo(
                dense[a][b],
                org.assertj.core.data.Offset.offset(1e-9 * Math.abs(dense[a][b]) + 1e-12));
      }
    }
    assertThat(v.spec()).isEqualTo(spec);
    assertThat(ConleyVcov.parse(v.spec())).isEqualTo(v);
  }

  @Test
  void tinyCutoffGivesHeteroskedasticityRobust() {
    Sim s = new Sim(3, 50, 1);
    InferenceData d = s.builder().build();
    double[] conley =
        ConleyVcov.of("lat", "lon", 1e-6)
            .compute(d, SmallSampleCorrection.fixest())
            .standardErrors();
    double[] hc1 =
        Sandwich.compute(d, Vcov.hetero(), SmallSampleCorrection.fixest()).standardErrors();
    assertThat(conley[0]).isCloseTo(hc1[0], org.assertj.core.data.Offset.offset(1e-12));
    assertThat(conley[1]).isCloseTo(hc1[1], org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void hugeCutoffWithUniformKernelIsOneCluster() {
    Sim s = new Sim(5, 30, 1);
    InferenceData d = s.builder().build();
    double[][] sc = d.scores();
    double[][] m = ConleyVcov.of("lat", "lon", 30000).meat(s.lat, s.lon, sc, null, null);
    double s0 = 0;
    double s1 = 0;
    for (int i = 0; i < s.n; i++) {
      s0 += sc[0][i];
      s1 += sc[1][i];
    }
    assertThat(m[0][1]).isCloseTo(s0 * s1, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void accessorsLabelAndColumns() {
    ConleyVcov v =
        ConleyVcov.of("la", "lo", 100.5).withKernel(ConleyVcov.Kernel.BARTLETT).withSerialLag(1);
    assertThat(v.columns()).containsExactly("la", "lo");
    assertThat(v.label()).isEqualTo("Conley (100.5 km, Bartlett, lag 1)");
    assertThat(v.spec()).isEqualTo("conley:la,lo,100.5,bartlett,lag=1");
    assertThat(ConleyVcov.of("la", "lo", 50).serialLag()).isEqualTo(-1);
    assertThat(ConleyVcov.parse("CONLEY: la , lo , 50 , Spherical, Uniform"))
        .isEqualTo(ConleyVcov.of("la", "lo", 50));
    assertThat(v.toString()).contains("conley:la,lo,100.5");
    assertThat(v.hashCode()).isEqualTo(ConleyVcov.parse(v.spec()).hashCode());
  }

  @Test
  void badSpecifications() {
    assertThatThrownBy(() -> ConleyVcov.parse("cluster:a"))
        .isInstanceOf(SpecificationException.class)
        .hasMessageStartingWith(
            "vcov 'cluster:a' is not a conley specification; expected conley:LAT");
    assertThatThrownBy(() -> ConleyVcov.parse("conley:lat,lon"))
        .hasMessageStartingWith(
            "vcov 'conley:lat,lon' needs a latitude column, a longitude column and a cutoff in km");
    assertThatThrownBy(() -> ConleyVcov.parse("conley:lat,lon,far"))
        .hasMessageStartingWith("cutoff 'far' in vcov 'conley:lat,lon,far' is not a number");
    assertThatThrownBy(() -> ConleyVcov.parse("conley:lat,lon,-5"))
        .hasMessageStartingWith("conley cutoff -5.0 km is not a positive finite distance");
    assertThatThrownBy(() -> ConleyVcov.parse("conley:lat,lon,5,lag=x"))
        .hasMessageStartingWith(
            "serial lag 'x' in vcov 'conley:lat,lon,5,lag=x' is not a non-negative integer");
    assertThatThrownBy(() -> ConleyVcov.parse("conley:lat,lon,5,radius=0"))
        .hasMessageStartingWith("conley earth radius 0.0 km is not a positive finite distance");
    assertThatThrownBy(() -> ConleyVcov.parse("conley:lat,lon,5,gaussian"))
        .hasMessageStartingWith("unknown option 'gaussian' in vcov 'conley:lat,lon,5,gaussian'");
    assertThatThrownBy(() -> ConleyVcov.parse("conley:,lon,5"))
        .hasMessageStartingWith(
            "conley vcov needs a latitude and a longitude column, got '' and 'lon'");
    assertThatThrownBy(() -> ConleyVcov.of("a", "b", 1).withSerialLag(-1))
        .hasMessageStartingWith("conley serial lag -1 is negative");
  }

  @Test
  void badData() {
    Sim s = new Sim(1, 10, 1);
    InferenceData noCoords =
        InferenceData.forLeastSquares(LeastSquares.defaults().fit(s.x, s.y), s.x).build();
    assertThatThrownBy(
            () -> ConleyVcov.of("lat", "lon", 10).compute(noCoords, SmallSampleCorrection.fixest()))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "vcov 'conley:lat,lon,10' needs column 'lat' on the estimation sample, which this fit"
                + " did not register (registered: none); fit with this vcov so that the estimator"
                + " captures the coordinates");
    double[] badLat = s.lat.clone();
    badLat[3] = 95;
    InferenceData swapped =
        InferenceData.forLeastSquares(LeastSquares.defaults().fit(s.x, s.y), s.x)
            .column("lat", badLat)
            .column("lon", s.lon)
            .build();
    assertThatThrownBy(
            () -> ConleyVcov.of("lat", "lon", 10).compute(swapped, SmallSampleCorrection.fixest()))
        .hasMessage(
            "latitude 'lat' of observation 4 is 95.0, outside [-90, 90]; check that latitude and"
                + " longitude are not swapped");
    double[] badLon = s.lon.clone();
    badLon[0] = Double.NaN;
    InferenceData nanLon =
        InferenceData.forLeastSquares(LeastSquares.defaults().fit(s.x, s.y), s.x)
            .column("lat", s.lat)
            .column("lon", badLon)
            .build();
    assertThatThrownBy(
            () -> ConleyVcov.of("lat", "lon", 10).compute(nanLon, SmallSampleCorrection.fixest()))
        .hasMessage(
            "longitude 'lon' of observation 1 is NaN, outside [-360, 360]; longitudes are in"
                + " degrees");
    assertThatThrownBy(
            () ->
                ConleyVcov.of("lat", "lon", 10)
                    .withSerialLag(1)
                    .compute(s.builder().build(), SmallSampleCorrection.fixest()))
        .hasMessageStartingWith(
            "vcov 'conley:lat,lon,10,lag=1' with a serial lag needs the panel index (unit, time)");
  }

  @Test
  void panelVersionUsesTimeAndUnitCodes() {
    Sim s = new Sim(11, 40, 3);
    ConleyVcov v = ConleyVcov.of("lat", "lon", 150).withSerialLag(1);
    InferenceData d = s.builder().time(s.time.clone()).unit(s.unit.clone()).build();
    double[] se = v.compute(d, SmallSampleCorrection.fixest()).standardErrors();
    double[][] dense = denseMeat(s, d.scores(), v, true);
    double[][] b = d.bread();
    double c = (s.n - 1.0) / (s.n - 2) * s.n / (s.n - 1.0);
    double v11 = 0;
    for (int a = 0; a < 2; a++) {
      for (int bb = 0; bb < 2; bb++) {
        v11 += b[1][a] * dense[a][bb] * b[bb][1];
      }
    }
    assertThat(se[1]).isCloseTo(Math.sqrt(c * v11), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(v.compute(d, SmallSampleCorrection.fixest()).tDf()).isEqualTo(s.n - 2.0);
  }

  @Test
  void capturedCoordinatesReplaceRegisteredColumns() {
    Sim s = new Sim(9, 40, 1);
    InferenceData withCols = s.builder().build();
    InferenceData bare =
        InferenceData.forLeastSquares(LeastSquares.defaults().fit(s.x, s.y), s.x).build();
    ConleyVcov v = ConleyVcov.of("lat", "lon", 120).withKernel(ConleyVcov.Kernel.BARTLETT);
    ConleyVcov captured = v.withCoordinates(s.lat, s.lon);
    assertThat(captured.hasCoordinates()).isTrue();
    assertThat(v.hasCoordinates()).isFalse();
    assertThat(captured.spec()).isEqualTo(v.spec());
    assertThat(captured).isNotEqualTo(v);
    assertThat(captured.withDistance(ConleyVcov.Distance.GREAT_CIRCLE)).isEqualTo(captured);
    assertThat(captured.hashCode()).isEqualTo(v.withCoordinates(s.lat, s.lon).hashCode());
    double[] a = v.compute(withCols, SmallSampleCorrection.fixest()).standardErrors();
    double[] b = captured.compute(bare, SmallSampleCorrection.fixest()).standardErrors();
    assertThat(b).containsExactly(a);
    org.econ4j.panel.Panel panel =
        org.econ4j.panel.Panel.builder().numeric("lat", s.lat).numeric("lon", s.lon).build();
    int[] rows = new int[s.n];
    for (int i = 0; i < s.n; i++) {
      rows[i] = i;
    }
    assertThat(v.withCoordinatesFrom(panel, rows)).isEqualTo(captured);
    assertThatThrownBy(() -> v.withCoordinatesFrom(panel, new int[] {s.n}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row 40 is outside the panel of 40 rows");
    assertThatThrownBy(() -> v.withCoordinates(new double[2], new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("latitude has 2 values but longitude has 3");
    assertThatThrownBy(
            () ->
                v.withCoordinates(new double[3], new double[3])
                    .compute(bare, SmallSampleCorrection.fixest()))
        .isInstanceOf(SpecificationException.class)
        .hasMessage(
            "vcov 'conley:lat,lon,120,bartlett' carries coordinates of 3 observations but the fit"
                + " has 40; capture them from the fit's kept rows (withCoordinatesFrom(panel,"
                + " keptRows))");
  }
}
