# Generated from forms/partner.ui by tools/build_forms.py: do not edit.
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'partner.ui'
##

##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from intl_desk.core.i18n import _
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QDoubleSpinBox, QFormLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpinBox, QWidget)

class Ui_PartnerForm(object):
    def setupUi(self, PartnerForm):
        if not PartnerForm.objectName():
            PartnerForm.setObjectName(u"PartnerForm")
        self.form_layout = QFormLayout(PartnerForm)
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name_label = QLabel(PartnerForm)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(PartnerForm)
        self.name.setObjectName(u"name")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.kind_label = QLabel(PartnerForm)
        self.kind_label.setObjectName(u"kind_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(PartnerForm)
        self.kind.setObjectName(u"kind")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind)

        self.country_code_label = QLabel(PartnerForm)
        self.country_code_label.setObjectName(u"country_code_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.country_code_label)

        self.country_code = QComboBox(PartnerForm)
        self.country_code.setObjectName(u"country_code")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.country_code)

        self.region_label = QLabel(PartnerForm)
        self.region_label.setObjectName(u"region_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.region_label)

        self.region = QLineEdit(PartnerForm)
        self.region.setObjectName(u"region")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.region)

        self.latitude_label = QLabel(PartnerForm)
        self.latitude_label.setObjectName(u"latitude_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.latitude_label)

        self.latitude = QDoubleSpinBox(PartnerForm)
        self.latitude.setObjectName(u"latitude")
        self.latitude.setDecimals(4)
        self.latitude.setMinimum(-90)
        self.latitude.setMaximum(90)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.latitude)

        self.longitude_label = QLabel(PartnerForm)
        self.longitude_label.setObjectName(u"longitude_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.longitude_label)

        self.longitude = QDoubleSpinBox(PartnerForm)
        self.longitude.setObjectName(u"longitude")
        self.longitude.setDecimals(4)
        self.longitude.setMinimum(-180)
        self.longitude.setMaximum(180)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.longitude)

        self.population_label = QLabel(PartnerForm)
        self.population_label.setObjectName(u"population_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.population_label)

        self.population = QSpinBox(PartnerForm)
        self.population.setObjectName(u"population")
        self.population.setMaximum(2000000000)
        self.population.setGroupSeparatorShown(True)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.population)

        self.website_label = QLabel(PartnerForm)
        self.website_label.setObjectName(u"website_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.website_label)

        self.website = QLineEdit(PartnerForm)
        self.website.setObjectName(u"website")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.website)

        self.iati_org_ref_label = QLabel(PartnerForm)
        self.iati_org_ref_label.setObjectName(u"iati_org_ref_label")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.iati_org_ref_label)

        self.iati_org_ref = QLineEdit(PartnerForm)
        self.iati_org_ref.setObjectName(u"iati_org_ref")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.iati_org_ref)

        self.iati_org_type_label = QLabel(PartnerForm)
        self.iati_org_type_label.setObjectName(u"iati_org_type_label")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.iati_org_type_label)

        self.iati_org_type = QComboBox(PartnerForm)
        self.iati_org_type.setObjectName(u"iati_org_type")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.iati_org_type)

        self.notes_label = QLabel(PartnerForm)
        self.notes_label.setObjectName(u"notes_label")

        self.form_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(PartnerForm)
        self.notes.setObjectName(u"notes")

        self.form_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.notes)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.kind_label.setBuddy(self.kind)
        self.country_code_label.setBuddy(self.country_code)
        self.region_label.setBuddy(self.region)
        self.latitude_label.setBuddy(self.latitude)
        self.longitude_label.setBuddy(self.longitude)
        self.population_label.setBuddy(self.population)
        self.website_label.setBuddy(self.website)
        self.iati_org_ref_label.setBuddy(self.iati_org_ref)
        self.iati_org_type_label.setBuddy(self.iati_org_type)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PartnerForm)

        QMetaObject.connectSlotsByName(PartnerForm)
    # setupUi

    def retranslateUi(self, PartnerForm):
        self.name_label.setText(_(u"Name"))
        self.name.setPlaceholderText(_(u"Type a place name: suggestions fill in the country and map position"))
        self.kind_label.setText(_(u"Kind"))
        self.country_code_label.setText(_(u"Country"))
        self.region_label.setText(_(u"Region or province"))
        self.latitude_label.setText(_(u"Latitude"))
        self.longitude_label.setText(_(u"Longitude"))
        self.population_label.setText(_(u"Population"))
        self.website_label.setText(_(u"Website"))
        self.iati_org_ref_label.setText(_(u"IATI organisation identifier"))
        self.iati_org_type_label.setText(_(u"IATI organisation type"))
        self.notes_label.setText(_(u"Notes"))
        pass
    # retranslateUi

