package eval

// LoadFixture lends the fixture loader to the external tests.
var LoadFixture = loadFixture
