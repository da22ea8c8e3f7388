def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/generated/inventory')

assert log.contains('step fetch (fetch:template): completed') || log =~ /step fetch \(fetch:template\): \w+/
assert log.contains('2 files written to')
assert new File(out, 'README.md').text == '# inventory\n\nOwned by stock-team.\n'
assert new File(out, 'catalog-info.yaml').text.contains('description: The INVENTORY service.')
assert log.contains('1 file, 1 document: 1 valid, 0 invalid (profile app)')
assert log.contains('BUILD SUCCESS')
return true
