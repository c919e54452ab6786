package org.econ4j.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.econ4j.panel.Panel;

/**
 * The bundled example data of {@code econ4j demo}: deterministic synthetic panels produced by our
 * own generator (fixed seeds; no real data are shipped).
 *
 * <ul>
 *   <li>{@link #copatents()}: a China–partner co-patenting country-year panel, 60 partner countries
 *       × 20 years (2000–2019): joint patents, each side's patents, the partner's patents in six
 *       IPC sections (and China's), technological proximity (cosine similarity of the IPC vectors),
 *       GDP, |GDP difference|, population, capital-to-capital distance, common language,
 *       contiguity, region, policy-adoption year.
 *   <li>{@link #regions()}: a region-year panel of 30 regions × 15 years (2005–2019) for the
 *       regional spillover study: nano patents (a count with zeros), publications, international
 *       co-publications, R&amp;D funding, GDP, population, coordinates, and a leading/lagging
 *       split.
 *   <li>{@link #copublications()}: the yearly co-publication records (region i, region j, year,
 *       count) between those regions.
 * </ul>
 *
 * <p>The data-generating process is documented in {@code docs/demo.md}; coefficients used to
 * generate the data are known, so the demo's estimates can be judged.
 */
public final class DemoData {
  private DemoData() {}

  /** Seed of the co-patenting panel. */
  public static final long COPATENT_SEED = 20_240_601L;

  /** Seed of the regional panel and network. */
  public static final long REGION_SEED = 20_240_602L;

  /** First year of the co-patenting panel. */
  public static final int FIRST_YEAR = 2000;

  /** Number of years of the co-patenting panel. */
  public static final int YEARS = 20;

  /**
   * Partner countries: ISO3, name, region, capital latitude, capital longitude, language shared
   * with China.
   */
  private static final Object[][] COUNTRIES = {
    {"USA", "United States", "North America", 38.9, -77.0, 0},
    {"CAN", "Canada", "North America", 45.4, -75.7, 0},
    {"MEX", "Mexico", "Latin America", 19.4, -99.1, 0},
    {"BRA", "Brazil", "Latin America", -15.8, -47.9, 0},
    {"ARG", "Argentina", "Latin America", -34.6, -58.4, 0},
    {"CHL", "Chile", "Latin America", -33.4, -70.7, 0},
    {"COL", "Colombia", "Latin America", 4.7, -74.1, 0},
    {"PER", "Peru", "Latin America", -12.0, -77.0, 0},
    {"GBR", "United Kingdom", "Europe", 51.5, -0.1, 0},
    {"DEU", "Germany", "Europe", 52.5, 13.4, 0},
    {"FRA", "France", "Europe", 48.9, 2.4, 0},
    {"ITA", "Italy", "Europe", 41.9, 12.5, 0},
    {"ESP", "Spain", "Europe", 40.4, -3.7, 0},
    {"NLD", "Netherlands", "Europe", 52.4, 4.9, 0},
    {"BEL", "Belgium", "Europe", 50.8, 4.4, 0},
    {"CHE", "Switzerland", "Europe", 46.9, 7.4, 0},
    {"AUT", "Austria", "Europe", 48.2, 16.4, 0},
    {"SWE", "Sweden", "Europe", 59.3, 18.1, 0},
    {"NOR", "Norway", "Europe", 59.9, 10.8, 0},
    {"DNK", "Denmark", "Europe", 55.7, 12.6, 0},
    {"FIN", "Finland", "Europe", 60.2, 24.9, 0},
    {"IRL", "Ireland", "Europe", 53.3, -6.3, 0},
    {"POL", "Poland", "Europe", 52.2, 21.0, 0},
    {"CZE", "Czechia", "Europe", 50.1, 14.4, 0},
    {"HUN", "Hungary", "Europe", 47.5, 19.0, 0},
    {"PRT", "Portugal", "Europe", 38.7, -9.1, 0},
    {"GRC", "Greece", "Europe", 38.0, 23.7, 0},
    {"RUS", "Russia", "Europe", 55.8, 37.6, 0},
    {"UKR", "Ukraine", "Europe", 50.5, 30.5, 0},
    {"TUR", "Turkey", "Asia", 39.9, 32.9, 0},
    {"ISR", "Israel", "Asia", 31.8, 35.2, 0},
    {"SAU", "Saudi Arabia", "Asia", 24.7, 46.7, 0},
    {"ARE", "United Arab Emirates", "Asia", 24.5, 54.4, 0},
    {"IRN", "Iran", "Asia", 35.7, 51.4, 0},
    {"PAK", "Pakistan", "Asia", 33.7, 73.1, 0},
    {"IND", "India", "Asia", 28.6, 77.2, 0},
    {"KAZ", "Kazakhstan", "Asia", 51.2, 71.4, 0},
    {"MNG", "Mongolia", "Asia", 47.9, 106.9, 0},
    {"JPN", "Japan", "Asia", 35.7, 139.7, 0},
    {"KOR", "South Korea", "Asia", 37.6, 127.0, 0},
    {"VNM", "Vietnam", "Asia", 21.0, 105.8, 0},
    {"THA", "Thailand", "Asia", 13.8, 100.5, 0},
    {"MYS", "Malaysia", "Asia", 3.1, 101.7, 1},
    {"SGP", "Singapore", "Asia", 1.3, 103.8, 1},
    {"IDN", "Indonesia", "Asia", -6.2, 106.8, 0},
    {"PHL", "Philippines", "Asia", 14.6, 121.0, 0},
    {"BGD", "Bangladesh", "Asia", 23.8, 90.4, 0},
    {"LKA", "Sri Lanka", "Asia", 6.9, 79.9, 0},
    {"MMR", "Myanmar", "Asia", 19.8, 96.1, 0},
    {"NPL", "Nepal", "Asia", 27.7, 85.3, 0},
    {"AUS", "Australia", "Oceania", -35.3, 149.1, 0},
    {"NZL", "New Zealand", "Oceania", -41.3, 174.8, 0},
    {"ZAF", "South Africa", "Africa", -25.7, 28.2, 0},
    {"EGY", "Egypt", "Africa", 30.0, 31.2, 0},
    {"NGA", "Nigeria", "Africa", 9.1, 7.5, 0},
    {"KEN", "Kenya", "Africa", -1.3, 36.8, 0},
    {"ETH", "Ethiopia", "Africa", 9.0, 38.7, 0},
    {"MAR", "Morocco", "Africa", 34.0, -6.8, 0},
    {"DZA", "Algeria", "Africa", 36.8, 3.1, 0},
    {"TZA", "Tanzania", "Africa", -6.2, 35.7, 0},
  };

  private static final java.util.Set<String> CONTIGUOUS =
      java.util.Set.of("RUS", "MNG", "KAZ", "IND", "PAK", "VNM", "MMR", "NPL");

  /** IPC sections used for the technology vectors. */
  public static final List<String> IPC = List.of("A", "B", "C", "F", "G", "H");

  private static final double BEIJING_LAT = 39.9;
  private static final double BEIJING_LON = 116.4;

  /**
   * Great-circle distance in km (haversine, Earth radius 6371 km).
   *
   * @param lat1 latitude of point 1 in degrees
   * @param lon1 longitude of point 1 in degrees
   * @param lat2 latitude of point 2 in degrees
   * @param lon2 longitude of point 2 in degrees
   * @return the distance in km
   */
  public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  private static double gaussian(SplittableRandom rng) {
    double u1 = rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  private static double gamma(SplittableRandom rng, double shape) {
    // Marsaglia–Tsang for shape >= 1, boosted for shape < 1
    if (shape < 1) {
      return gamma(rng, shape + 1) * Math.pow(rng.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = gaussian(rng);
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rng.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  private static double poisson(SplittableRandom rng, double mu) {
    if (mu > 30) {
      return Math.max(0, Math.rint(mu + Math.sqrt(mu) * gaussian(rng)));
    }
    double l = Math.exp(-mu);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= rng.nextDouble();
    } while (p > l);
    return k - 1;
  }

  /** A negative binomial (NB2) draw with mean mu and dispersion theta (variance mu + mu²/theta). */
  private static double negbin(SplittableRandom rng, double mu, double theta) {
    return poisson(rng, mu * gamma(rng, theta) / theta);
  }

  /**
   * The co-patenting country-year panel (60 partners × 20 years = 1,200 rows). Columns: {@code
   * iso3}, {@code country}, {@code region}, {@code year}, {@code copat} (joint patents with China),
   * {@code pat_cn}, {@code pat_partner}, {@code ipc_A} … {@code ipc_H} (partner patents by IPC
   * section), {@code tech_prox} (cosine similarity of the partner's and China's IPC vectors),
   * {@code gdp} (partner, bn USD), {@code gdp_cn}, {@code gdp_diff} (|GDP difference|), {@code pop}
   * (partner population, m), {@code dist_km} (capital distance to Beijing), {@code lang} (common
   * language), {@code contig} (shared border), {@code policy_year} (adoption year of the
   * cooperation policy; missing = never adopted), {@code treated} (1 from the adoption year on).
   *
   * @return the panel, indexed by (iso3, year)
   */
  public static Panel copatents() {
    SplittableRandom rng = new SplittableRandom(COPATENT_SEED);
    int c = COUNTRIES.length;
    int n = c * YEARS;
    String[] iso = new String[n];
    String[] name = new String[n];
    String[] region = new String[n];
    double[] year = new double[n];
    double[] copat = new double[n];
    double[] patCn = new double[n];
    double[] patP = new double[n];
    double[][] ipc = new double[IPC.size()][n];
    double[] tech = new double[n];
    double[] gdp = new double[n];
    double[] gdpCn = new double[n];
    double[] gdpDiff = new double[n];
    double[] pop = new double[n];
    double[] dist = new double[n];
    double[] lang = new double[n];
    double[] contig = new double[n];
    double[] policy = new double[n];
    double[] treated = new double[n];
    // China's IPC profile drifts from manufacturing (B, F) towards electronics (G, H)
    double[][] cnShares = new double[YEARS][];
    for (int t = 0; t < YEARS; t++) {
      double s = t / (double) (YEARS - 1);
      cnShares[t] =
          new double[] {
            0.14, 0.20 - 0.06 * s, 0.18, 0.16 - 0.05 * s, 0.16 + 0.05 * s, 0.16 + 0.06 * s
          };
    }
    int r = 0;
    for (int i = 0; i < c; i++) {
      Object[] info = COUNTRIES[i];
      double lat = (Double) info[3];
      double lon = (Double) info[4];
      double d = haversineKm(BEIJING_LAT, BEIJING_LON, lat, lon);
      double size = Math.exp(1.2 * gaussian(rng)) * (i < 12 ? 4 : 1);
      double popSize = Math.exp(1.0 * gaussian(rng) + 3.3);
      double gdpGrowth = 0.02 + 0.04 * rng.nextDouble();
      double patentIntensity = Math.exp(0.8 * gaussian(rng));
      double[] profile = new double[IPC.size()];
      double tot = 0;
      for (int k = 0; k < profile.length; k++) {
        profile[k] = gamma(rng, 2.0);
        tot += profile[k];
      }
      for (int k = 0; k < profile.length; k++) {
        profile[k] /= tot;
      }
      double countryEffect = 0.6 * gaussian(rng);
      int adoption = rng.nextDouble() < 0.55 ? 2013 + rng.nextInt(6) : -1;
      for (int t = 0; t < YEARS; t++, r++) {
        int y = FIRST_YEAR + t;
        iso[r] = (String) info[0];
        name[r] = (String) info[1];
        region[r] = (String) info[2];
        year[r] = y;
        gdp[r] = 50 * size * Math.pow(1 + gdpGrowth, t) * Math.exp(0.03 * gaussian(rng));
        gdpCn[r] = 1200 * Math.pow(1.09, t);
        gdpDiff[r] = Math.abs(gdpCn[r] - gdp[r]);
        pop[r] = popSize * Math.pow(1.008, t);
        dist[r] = d;
        lang[r] = ((Integer) info[5]).doubleValue();
        contig[r] = CONTIGUOUS.contains(iso[r]) ? 1 : 0;
        patCn[r] = Math.rint(30_000 * Math.pow(1.17, t) * Math.exp(0.02 * gaussian(rng)));
        double pp =
            Math.rint(
                200 * size * patentIntensity * Math.pow(1.03, t) * Math.exp(0.1 * gaussian(rng)));
        patP[r] = Math.max(1, pp);
        // partner IPC counts drift a little each year
        double dot = 0;
        double nn = 0;
        double nc = 0;
        for (int k = 0; k < profile.length; k++) {
          double share = profile[k] * Math.exp(0.05 * gaussian(rng));
          ipc[k][r] = Math.rint(patP[r] * share);
          double cn = cnShares[t][k] * patCn[r];
          dot += ipc[k][r] * cn;
          nn += ipc[k][r] * ipc[k][r];
          nc += cn * cn;
        }
        tech[r] = nn == 0 ? 0 : dot / Math.sqrt(nn * nc);
        policy[r] = adoption < 0 ? Double.NaN : adoption;
        treated[r] = adoption > 0 && y >= adoption ? 1 : 0;
        double eta =
            -4.0
                + 0.45 * Math.log(patCn[r])
                + 0.75 * Math.log(patP[r])
                - 0.55 * Math.log(d)
                + 1.6 * tech[r]
                + 0.5 * lang[r]
                + 0.3 * contig[r]
                - 0.08 * Math.log(gdpDiff[r])
                + 0.25 * treated[r]
                + countryEffect;
        copat[r] = negbin(rng, Math.exp(eta), 1.5);
      }
    }
    org.econ4j.panel.PanelBuilder b =
        Panel.builder()
            .categorical("iso3", iso)
            .categorical("country", name)
            .categorical("region", region)
            .numeric("year", year)
            .numeric("copat", copat)
            .numeric("pat_cn", patCn)
            .numeric("pat_partner", patP);
    for (int k = 0; k < IPC.size(); k++) {
      b.numeric("ipc_" + IPC.get(k), ipc[k]);
    }
    return b.numeric("tech_prox", tech)
        .numeric("gdp", gdp)
        .numeric("gdp_cn", gdpCn)
        .numeric("gdp_diff", gdpDiff)
        .numeric("pop", pop)
        .numeric("dist_km", dist)
        .numeric("lang", lang)
        .numeric("contig", contig)
        .numeric("policy_year", policy)
        .numeric("treated", treated)
        .build()
        .withIndex("iso3", "year");
  }

  /** Regions: name, latitude, longitude, leading (1) or lagging (0). */
  private static final Object[][] REGIONS = {
    {"Beijing", 39.9, 116.4, 1}, {"Tianjin", 39.1, 117.2, 1}, {"Hebei", 38.0, 114.5, 0},
    {"Shanxi", 37.9, 112.5, 0}, {"InnerMongolia", 40.8, 111.7, 0}, {"Liaoning", 41.8, 123.4, 1},
    {"Jilin", 43.9, 125.3, 0}, {"Heilongjiang", 45.8, 126.5, 0}, {"Shanghai", 31.2, 121.5, 1},
    {"Jiangsu", 32.1, 118.8, 1}, {"Zhejiang", 30.3, 120.2, 1}, {"Anhui", 31.9, 117.3, 0},
    {"Fujian", 26.1, 119.3, 1}, {"Jiangxi", 28.7, 115.9, 0}, {"Shandong", 36.7, 117.0, 1},
    {"Henan", 34.8, 113.7, 0}, {"Hubei", 30.6, 114.3, 1}, {"Hunan", 28.2, 113.0, 0},
    {"Guangdong", 23.1, 113.3, 1}, {"Guangxi", 22.8, 108.3, 0}, {"Hainan", 20.0, 110.3, 0},
    {"Chongqing", 29.6, 106.5, 0}, {"Sichuan", 30.7, 104.1, 1}, {"Guizhou", 26.6, 106.7, 0},
    {"Yunnan", 25.0, 102.7, 0}, {"Shaanxi", 34.3, 108.9, 1}, {"Gansu", 36.1, 103.8, 0},
    {"Qinghai", 36.6, 101.8, 0}, {"Ningxia", 38.5, 106.3, 0}, {"Xinjiang", 43.8, 87.6, 0},
  };

  /** First year of the regional panel. */
  public static final int REGION_FIRST_YEAR = 2005;

  /** Number of years of the regional panel. */
  public static final int REGION_YEARS = 15;

  private static final class RegionState {
    final double[] size;
    final double[][] pubs;

    RegionState(double[] size, double[][] pubs) {
      this.size = size;
      this.pubs = pubs;
    }
  }

  private static RegionState regionState(SplittableRandom rng) {
    int m = REGIONS.length;
    double[] size = new double[m];
    double[][] pubs = new double[m][REGION_YEARS];
    for (int i = 0; i < m; i++) {
      int lead = (Integer) REGIONS[i][3];
      size[i] = Math.exp(0.6 * gaussian(rng) + (lead == 1 ? 1.0 : 0.0));
      for (int t = 0; t < REGION_YEARS; t++) {
        pubs[i][t] = Math.rint(800 * size[i] * Math.pow(1.12, t) * Math.exp(0.05 * gaussian(rng)));
      }
    }
    return new RegionState(size, pubs);
  }

  /**
   * The region-year panel (30 regions × 15 years = 450 rows). Columns: {@code region}, {@code
   * year}, {@code nano_pat} (nano-technology patents, a count with zeros), {@code pubs}
   * (publications), {@code intl_copubs} (publications with foreign co-authors), {@code rd_funding}
   * (m CNY), {@code gdp}, {@code pop}, {@code lat}, {@code lon}, {@code leading} (1 = leading
   * region).
   *
   * @return the panel, indexed by (region, year)
   */
  public static Panel regions() {
    SplittableRandom rng = new SplittableRandom(REGION_SEED);
    RegionState st = regionState(rng);
    int m = REGIONS.length;
    int n = m * REGION_YEARS;
    String[] reg = new String[n];
    double[] year = new double[n];
    double[] nano = new double[n];
    double[] pubs = new double[n];
    double[] intl = new double[n];
    double[] rd = new double[n];
    double[] gdp = new double[n];
    double[] pop = new double[n];
    double[] lat = new double[n];
    double[] lon = new double[n];
    double[] lead = new double[n];
    int r = 0;
    for (int i = 0; i < m; i++) {
      double effect = 0.5 * gaussian(rng);
      double intlShare = 0.05 + 0.1 * rng.nextDouble() * ((Integer) REGIONS[i][3] == 1 ? 1.5 : 1);
      for (int t = 0; t < REGION_YEARS; t++, r++) {
        reg[r] = (String) REGIONS[i][0];
        year[r] = REGION_FIRST_YEAR + t;
        lat[r] = (Double) REGIONS[i][1];
        lon[r] = (Double) REGIONS[i][2];
        lead[r] = (Integer) REGIONS[i][3];
        pubs[r] = st.pubs[i][t];
        intl[r] = Math.rint(pubs[r] * intlShare * Math.exp(0.1 * gaussian(rng)));
        rd[r] = 500 * st.size[i] * Math.pow(1.14, t) * Math.exp(0.08 * gaussian(rng));
        gdp[r] = 300 * st.size[i] * Math.pow(1.09, t) * Math.exp(0.03 * gaussian(rng));
        pop[r] = 40 * Math.sqrt(st.size[i]) * Math.exp(0.2 * gaussian(rng));
        double eta =
            -4.0 + 0.6 * Math.log(rd[r]) + 0.4 * (intl[r] / pubs[r]) * 10 + 0.08 * t + effect;
        nano[r] = negbin(rng, Math.exp(eta), 1.2);
      }
    }
    return Panel.builder()
        .categorical("region", reg)
        .numeric("year", year)
        .numeric("nano_pat", nano)
        .numeric("pubs", pubs)
        .numeric("intl_copubs", intl)
        .numeric("rd_funding", rd)
        .numeric("gdp", gdp)
        .numeric("pop", pop)
        .numeric("lat", lat)
        .numeric("lon", lon)
        .numeric("leading", lead)
        .build()
        .withIndex("region", "year");
  }

  /**
   * Yearly co-publication records between the regions of {@link #regions()}: columns {@code from},
   * {@code to}, {@code year}, {@code copubs} (one row per unordered pair with at least one joint
   * paper; symmetric network). Joint papers fall with distance and grow with both regions' output
   * (a gravity law).
   *
   * @return the records
   */
  public static Panel copublications() {
    SplittableRandom rng = new SplittableRandom(REGION_SEED);
    RegionState st = regionState(rng);
    SplittableRandom net = new SplittableRandom(REGION_SEED + 1);
    int m = REGIONS.length;
    List<String> from = new ArrayList<>();
    List<String> to = new ArrayList<>();
    List<Double> year = new ArrayList<>();
    List<Double> count = new ArrayList<>();
    for (int t = 0; t < REGION_YEARS; t++) {
      for (int i = 0; i < m; i++) {
        for (int j = i + 1; j < m; j++) {
          double d =
              haversineKm(
                  (Double) REGIONS[i][1],
                  (Double) REGIONS[i][2],
                  (Double) REGIONS[j][1],
                  (Double) REGIONS[j][2]);
          double mu = 4e-5 * st.pubs[i][t] * st.pubs[j][t] / Math.pow(d / 100 + 1, 1.2);
          double k = poisson(net, mu);
          if (k > 0) {
            from.add((String) REGIONS[i][0]);
            to.add((String) REGIONS[j][0]);
            year.add((double) (REGION_FIRST_YEAR + t));
            count.add(k);
          }
        }
      }
    }
    return Panel.builder()
        .categorical("from", from)
        .categorical("to", to)
        .numeric("year", year)
        .numeric("copubs", count)
        .build();
  }
}
