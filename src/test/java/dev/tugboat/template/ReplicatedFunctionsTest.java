package dev.tugboat.template;

import static dev.tugboat.template.Render.detail;
import static dev.tugboat.template.Render.render;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every function of Replicated's library, with the argument and result types it documents. */
class ReplicatedFunctionsTest {

  @Test
  void everyFunctionOfTheReferenceIsKnown() {
    String reference =
        "ConfigOption ConfigOptionData ConfigOptionEquals ConfigOptionNotEquals LicenseFieldValue"
            + " LicenseProperty AppID AppVersion AppVersionFirst AppVersionCurrent RunOffline AppSetting"
            + " ConsoleSetting ConsoleSettingEquals ConsoleSettingNotEquals NodePrivateIPAddress"
            + " NodePrivateIPAddressFirst NodePrivateIPAddressAll NodePublicIPAddress"
            + " NodePublicIPAddressFirst NodePublicIPAddressAll ContainerExposedPort"
            + " ContainerExposedPortFirst ContainerExposedPortAll ThisNodePrivateIPAddress"
            + " ThisNodePublicIPAddress ThisNodeDockerAddress ThisHostInterfaceAddress Now NowFmt"
            + " TrimSpace Trim Split ToLower ToUpper HumanSize UrlEncode Base64Encode Base64Decode"
            + " ParseBool ParseFloat ParseInt ParseUint Add Sub Mult Div HostPrivateIpAddress"
            + " HostPrivateIpAddressAll HostPublicIpAddress HostPublicIpAddressAll"
            + " ThisHostPrivateIpAddress ThisHostPublicIpAddress"
            + " eq ne lt le gt ge and or not len index slice print printf println html urlquery";
    for (String name : reference.split(" ")) {
      assertThat(FunctionLibrary.standard().lookup(name)).as(name).isPresent();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "{{repl ConfigOption \"hostname\"}} => app.example.com",
        "{{repl ConfigOptionData \"ssl_key\"}} => -----BEGIN KEY-----",
        "{{repl ConfigOptionEquals \"http_enabled\" \"1\"}} => true",
        "{{repl ConfigOptionEquals \"http_enabled\" \"0\"}} => false",
        "{{repl ConfigOptionNotEquals \"http_enabled\" \"1\"}} => false",
        "{{repl ConfigOptionNotEquals \"http_enabled\" \"0\"}} => true",
        "{{repl LicenseFieldValue \"maximum_users\"}} => 25",
        "{{repl LicenseProperty \"assignee\"}} => Acme Corp",
        "{{repl AppID}} => app-123",
        "{{repl AppVersion}} => 42",
        "{{repl AppVersionFirst}} => 7",
        "{{repl AppVersionCurrent}} => 42",
        "{{repl Add AppVersion 1}} => 43",
        "{{repl RunOffline}} => false",
        "{{repl AppSetting \"version.label\"}} => 1.2.3",
        "{{repl ConsoleSetting \"tls.hostname\"}} => console.example.com",
        "{{repl ConsoleSettingEquals \"tls.hostname\" \"console.example.com\"}} => true",
        "{{repl ConsoleSettingNotEquals \"tls.hostname\" \"console.example.com\"}} => false",
      })
  void configLicenseAppAndConsole(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "{{repl NodePrivateIPAddress \"DB\" \"redis\"}} => 10.0.0.5",
        "{{repl NodePrivateIPAddressFirst \"C\" \"c\"}} => 10.0.0.1",
        "{{repl NodePrivateIPAddressAll \"C\" \"c\"}} => [10.0.0.1 10.0.0.2 10.0.0.3]",
        "{{repl NodePublicIPAddress \"DB\" \"redis\"}} => 203.0.113.5",
        "{{repl NodePublicIPAddressFirst \"C\" \"c\"}} => 1.1.1.1",
        "{{repl NodePublicIPAddressAll \"C\" \"c\"}} => [1.1.1.1 2.2.2.2 3.3.3.3]",
        "{{repl ContainerExposedPort \"DB\" \"redis\" \"6379\"}} => 32768",
        "{{repl ContainerExposedPortFirst \"C\" \"c\" \"9042\"}} => 9042",
        "{{repl ContainerExposedPortAll \"C\" \"c\" \"9042\"}} => [9042 9043 9044]",
        "{{repl ContainerExposedPort \"DB\" \"redis\" \"1\"}} => ''",
        "{{repl NodePrivateIPAddress \"Idle\" \"idle\"}} => ''",
        "{{repl len (NodePrivateIPAddressAll \"Idle\" \"idle\")}} => 0",
        "{{repl Mult (NodePrivateIPAddressAll \"C\" \"c\" | len) 2}} => 6",
        "{{repl ThisNodePrivateIPAddress}} => 10.0.0.9",
        "{{repl ThisNodePublicIPAddress}} => 203.0.113.9",
        "{{repl ThisNodeDockerAddress}} => 172.17.0.1",
        "{{repl ThisHostInterfaceAddress \"docker0\"}} => 172.17.0.1",
        "{{repl ThisHostInterfaceAddress \"eth9\"}} => ''",
      })
  void nodesAndContainers(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "{{repl HostPrivateIpAddress \"App\" \"freighter/counter\"}} => 10.0.0.7",
        "{{repl HostPrivateIpAddressAll \"C\" \"c\"}} => [10.0.0.1 10.0.0.2 10.0.0.3]",
        "{{repl HostPublicIpAddress \"App\" \"freighter/counter\"}} => 203.0.113.7",
        "{{repl HostPublicIpAddressAll \"C\" \"c\"}} => [1.1.1.1 2.2.2.2 3.3.3.3]",
        "{{repl ThisHostPrivateIpAddress}} => 10.0.0.9",
        "{{repl ThisHostPublicIpAddress}} => 203.0.113.9",
        "http://{{repl HostPrivateIpAddress \"App\" \"freighter/counter\" }}:{{repl ContainerExposedPort \"App\" \"freighter/counter\" \"3000\" }}; => http://10.0.0.7:3000;",
      })
  void olderNamesTheSamplesUse(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "{{repl Now}} => 2026-03-04T05:06:07Z",
        "{{repl NowFmt \"20060102\"}} => 20260304",
        "{{repl NowFmt \"2006-01-02 15:04:05.000 MST\"}} => 2026-03-04 05:06:07.089 UTC",
        "{{repl TrimSpace (ConfigOption \"padded\")}} => value",
        "{{repl TrimSpace \"\\t x \\n\"}} => x",
        "{{repl Trim \"  x  \"}} => x",
        "{{repl Trim \"..x..\" \".\"}} => x",
        "{{repl Trim \". x .\" \" \" \".\"}} => x",
        "{{repl Split \"A,B,C\" \",\"}} => [A B C]",
        "{{repl Split \"abc\" \"\"}} => [a b c]",
        "{{repl len (Split \"\" \",\")}} => 1",
        "{{repl ToLower \"ACME\"}} => acme",
        "{{repl ConfigOption \"hostname\" | ToUpper}} => APP.EXAMPLE.COM",
        "{{repl HumanSize 2746000}} => 2.746 MB",
        "{{repl HumanSize 796}} => 796 B",
        "{{repl HumanSize 1000}} => 1 kB",
        "{{repl HumanSize 1.5e9}} => 1.5 GB",
        "{{repl HumanSize \"123456789\"}} => 123.5 MB",
        "{{repl UrlEncode \"a b&c=d/é~*\"}} => a+b%26c%3Dd%2F%C3%A9~%2A",
        "{{repl Base64Encode \"hello\"}} => aGVsbG8=",
        "{{repl Base64Decode \"aGVsbG8=\"}} => hello",
      })
  void timeAndStrings(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "{{repl ParseBool \"true\"}} => true",
        "{{repl ParseBool \"0\"}} => false",
        "{{repl ParseFloat \"2.5\"}} => 2.5",
        "{{repl ParseFloat \"1e3\"}} => 1000",
        "{{repl ParseInt \"-42\"}} => -42",
        "{{repl ParseInt \"ff\" 16}} => 255",
        "{{repl ParseInt \"0x1f\" 0}} => 31",
        "{{repl ParseUint \"42\"}} => 42",
        "{{repl ParseUint \"777\" 8}} => 511",
        "{{repl Add 1 2}} => 3",
        "{{repl Add 1 2.5}} => 3.5",
        "{{repl Add (LicenseFieldValue \"maximum_users\") 1}} => 26",
        "{{repl Add \"1.5\" \"1\"}} => 2.5",
        "{{repl Sub 10 3}} => 7",
        "{{repl Sub 1.5 0.5}} => 1",
        "{{repl Mult 4 5}} => 20",
        "{{repl Mult 2.0 3}} => 6",
        "{{repl Div 7 2}} => 3",
        "{{repl Div (LicenseFieldValue \"maximum_users\") 2.0}} => 12.5",
        "{{repl Div 1 0.0}} => +Inf",
      })
  void numbers(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "{{repl ConfigOptionData \"hostname\"}} => error calling ConfigOptionData: no config item named \"hostname\"",
        "{{repl ConfigOptionEquals \"nope\" \"1\"}} => error calling ConfigOptionEquals: no config item named \"nope\"",
        "{{repl LicenseFieldValue \"x\"}} => error calling LicenseFieldValue: no license field named \"x\"",
        "{{repl LicenseProperty \"x\"}} => error calling LicenseProperty: no license property named \"x\"",
        "{{repl AppSetting \"x\"}} => error calling AppSetting: no app setting named \"x\"",
        "{{repl ConsoleSetting \"x\"}} => error calling ConsoleSetting: no console setting named \"x\"",
        "{{repl NodePrivateIPAddress \"Nope\" \"x\"}} => error calling NodePrivateIPAddress: container Nope/x has not started yet",
        "{{repl ParseBool \"yes\"}} => error calling ParseBool: strconv.ParseBool: parsing \"yes\": invalid syntax",
        "{{repl ParseFloat \"1.2.3\"}} => error calling ParseFloat: strconv.ParseFloat: parsing \"1.2.3\": invalid syntax",
        "{{repl ParseInt \"99999999999999999999\"}} => error calling ParseInt: strconv.ParseInt: parsing \"99999999999999999999\": value out of range",
        "{{repl ParseInt \"300\" 10 8}} => error calling ParseInt: strconv.ParseInt: parsing \"300\": value out of range",
        "{{repl ParseInt \"1\" 1}} => error calling ParseInt: strconv.ParseInt: parsing \"1\": invalid base 1",
        "{{repl ParseUint \"-1\"}} => error calling ParseUint: strconv.ParseUint: parsing \"-1\": invalid syntax",
        "{{repl Add \"ten\" 1}} => error calling Add: can't use \"ten\" as a number",
        "{{repl Add true 1}} => error calling Add: can't use true (bool) as a number",
        "{{repl HumanSize \"big\"}} => error calling HumanSize: strconv.ParseFloat: parsing \"big\": invalid syntax",
        "{{repl Base64Decode \"a$\"}} => error calling Base64Decode: illegal base64 data at input byte 1",
        "{{repl Base64Decode \"abc\"}} => error calling Base64Decode: illegal base64 data at input byte 0",
        "{{repl NowFmt}} => wrong number of args for NowFmt: want 1 got 0",
        "{{repl Trim}} => wrong number of args for Trim: want at least 1 got 0",
      })
  void errors(String template, String expected) {
    assertThat(detail(template)).isEqualTo(expected);
  }
}
