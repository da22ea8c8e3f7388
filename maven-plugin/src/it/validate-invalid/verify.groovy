def log = new File(basedir, 'build.log').text

assert log.contains('BUILD FAILURE')
assert log.contains('1 file, 3 documents: 1 valid, 2 invalid (profile app)')
assert log.contains('portolan:validate found 2 errors:')
assert log.contains('[ERROR] catalog-info.yaml:13:9: component:default/bad name!: metadata.name: expected a string that '
    + 'is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total, found "Bad Name!"')
assert log.contains('[ERROR] catalog-info.yaml:24:3: component:default/cart: spec: missing required field "lifecycle"')
// the failure message itself lists every problem, so the build summary alone names them
assert log.contains('on project validate-invalid: portolan:validate found 2 errors:')

def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/portolan/validate.sarif'))
def results = sarif.runs[0].results
assert results.size() == 2
assert results*.ruleId.unique() == ['portolan/invalid-entity']
assert results[0].locations[0].physicalLocation.artifactLocation.uri == 'catalog-info.yaml'
assert results[0].locations[0].physicalLocation.artifactLocation.uriBaseId == '%SRCROOT%'
assert results[0].locations[0].physicalLocation.region.startLine == 13
return true
