name = "{{ cookiecutter.name }}"
deps = {{ cookiecutter.deps | jsonify }}
meta = {{ cookiecutter.meta | jsonify }}
{% if cookiecutter.flag == True %}flag is True{% else %}flag is not True{% endif %}
{% for k, v in cookiecutter.meta.items() %}{{ k }}={{ v }};{% endfor %}
first two: {{ cookiecutter.deps[0:2] }}
keys: {{ cookiecutter.meta.keys() | join(",") }}
github: ${{ github.sha }} stays
none: {{ None }}
